// bash's prompt on Fedora: `[root@localhost ~]# `, the folder's last name (`~` at home, `/` at the top).

export function bashPrompt(hostname: string, cwd: string, home: string): string {
  const shown = cwd === home ? '~' : cwd === '/' ? '/' : cwd.slice(cwd.lastIndexOf('/') + 1);
  return `[root@${hostname} ${shown}]# `;
}
