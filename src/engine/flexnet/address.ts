// A License Server address as FlexNet clients read it: `@host` or `port@host`, several joined with `;`.
// Plain parsing, used by the BMS030 rule, the lmstat runner and the tree; it knows nothing of rules.
const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const IPV6 = /^\[[0-9A-Fa-f:.]+\]$/;

/** What is wrong with one `port@host` entry, in words; undefined when it is fine. */
export function addressEntryProblem(entry: string): string | undefined {
  const e = entry.trim();
  if (e === '') return 'an empty entry: remove the extra \';\'';
  const at = e.indexOf('@');
  if (at === -1) return `'${e}' has no '@': write '@${e}' (default ports 27000–27009) or 'port@${e}'`;
  const port = e.slice(0, at);
  const host = e.slice(at + 1);
  if (port !== '') {
    if (!/^\d+$/.test(port)) return `'${port}' before '@' is not a port number: write 'port@host' with a port from 1 to 65535, or '@host'`;
    const n = Number(port);
    if (n < 1 || n > 65535) return `port ${port} is out of range: use a port from 1 to 65535 (FlexNet's default range is 27000–27009)`;
  }
  if (host === '') return `'${e}' names no host after '@': write '@localhost' or '@<computer name>'`;
  if (host.includes('@')) return `'${e}' has more than one '@': one address is 'port@host'; join several with ';'`;
  if (IPV4.test(host)) {
    return host.split('.').every((o) => Number(o) <= 255) ? undefined : `'${host}' is not an IPv4 address: each part must be 0–255`;
  }
  if (IPV6.test(host)) return undefined;
  const labels = host.replace(/\.$/, '').split('.');
  if (host.length > 253 || !labels.every((l) => LABEL.test(l))) {
    return `'${host}' is not a valid host name: use letters, digits, '-' and '.' only (no spaces, ',' or '_'); join several addresses with ';'`;
  }
  return undefined;
}

/** Every problem of an address list, one sentence each. */
export function addressProblems(address: string): string[] {
  if (address.trim() === '') return ["the address is empty: write '@localhost', '@host' or 'port@host'"];
  const entries = address.split(';');
  const out: string[] = [];
  entries.forEach((entry, i) => {
    // A single trailing ';' is harmless to FlexNet but still an empty entry: report it.
    const p = addressEntryProblem(entry);
    if (p) out.push(entries.length > 1 ? `entry ${i + 1} (${p})` : p);
  });
  return out;
}

/** The host of each entry of a well-formed address list. */
export function addressHosts(address: string): string[] {
  return address.split(';').map((e) => e.slice(e.indexOf('@') + 1).trim().toLowerCase());
}
