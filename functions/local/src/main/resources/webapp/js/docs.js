// Swagger UI on the API's OpenAPI description (no inline script: the page's CSP forbids it).
window.addEventListener('load', () => {
  window.SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui' });
});
