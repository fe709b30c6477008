/** What an app says about each bounded context it runs; shown as OpenAPI tags at /docs. */
export interface ServiceDescriptor {
  name: string;
  description: string;
}
