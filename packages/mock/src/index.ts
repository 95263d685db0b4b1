export {
  EXAMPLE_TIME_ZONE,
  type ExampleDirectory,
  exampleDirectory,
  LOCAL_BACK_ORIGINS,
  LOCAL_CALLBACK_HOSTS,
} from "./example-directory.js";
export { BUNDLED_DOCUMENT, DEFAULT_MOCK_HOST, DEFAULT_MOCK_PORT, type MockOptions, type MockServer, startMock } from "./mock-server.js";
export { startValidationProxy, type ValidationProxy, type ValidationProxyOptions } from "./validation-proxy.js";
