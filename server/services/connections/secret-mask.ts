/**
 * What the browser sees in place of a stored secret credential. Sent back unchanged (or blank) on update or
 * test, it means "keep the stored value": secrets never travel to the browser.
 */
export const SECRET_MASK = "••••••";
