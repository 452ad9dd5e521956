// Swagger UI on the API's OpenAPI description (no inline script: the page's CSP forbids it). No validator badge:
// it would send the description's URL to swagger.io.
window.addEventListener('load', () => {
  window.SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', validatorUrl: null });
});
