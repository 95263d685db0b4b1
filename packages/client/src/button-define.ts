// Importing this module registers <webcallback-button> (once, whoever imports it first).
import { WebCallbackButton } from "./button.js";

export { WebCallbackButton };

if (!customElements.get("webcallback-button")) customElements.define("webcallback-button", WebCallbackButton);
