/**
 * Image host allow-list: exact host names, IP literals, or `*.domain` (any sub-domain of
 * domain, not the bare domain). Case-insensitive; a trailing dot is ignored.
 */
export function hostAllowed(host: string, allowList: readonly string[]): boolean {
  const h = host.toLowerCase().replace(/\.$/, '').replace(/^\[|\]$/g, '');
  return allowList.some((entry) => {
    const e = entry.trim().toLowerCase().replace(/\.$/, '');
    if (!e) return false;
    if (e.startsWith('*.')) {
      const domain = e.slice(2);
      return h.endsWith(`.${domain}`) && h.length > domain.length + 1;
    }
    return h === e;
  });
}
