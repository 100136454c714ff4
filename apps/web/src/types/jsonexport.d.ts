declare module 'jsonexport/dist' {
  export default function jsonExport(rows: object[], options?: Record<string, unknown>): Promise<string>;
}
