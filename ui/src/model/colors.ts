// One colour per service, the same on every page of a session: services take the palette's colours in the
// order they are first seen.
const PALETTE = [
  '#17b8be', '#f8dca1', '#b7885e', '#ffcb99', '#f89570', '#829ae3', '#e79fd5', '#1e96be',
  '#89dac1', '#b3ad9e', '#12939a', '#ddb27c', '#88572c', '#ff9833', '#ef5d28', '#162a65',
];
const assigned = new Map<string, string>();

export function serviceColor(service: string): string {
  let color = assigned.get(service);
  if (!color) {
    color = PALETTE[assigned.size % PALETTE.length];
    assigned.set(service, color);
  }
  return color;
}
