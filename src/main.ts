// Entry point of the activity page: registers the elements; index.html does the rest.
import './ui/cellar-app.js';
