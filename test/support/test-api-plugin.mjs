// Placeholder: replaced by the fetch-adapter test server.
export function testApiPlugin() {
  return { name: 'test-api' };
}
