// Swagger UI from the vendored bundle; validatorUrl null so it never calls validator.swagger.io.
window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", validatorUrl: null,
  deepLinking: true, tryItOutEnabled: true });
