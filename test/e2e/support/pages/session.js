// Test pages' single sign-on glue: the test puts a reader's JWT in sessionStorage before the page loads;
// the page hands it to news-elements, as a publisher's login would. Loaded as a module that imports the
// library, so the token is configured before any element asks for data.
import { configure } from '/dist/news-elements.js';

configure({ getToken: () => sessionStorage.getItem('news-elements-test-token') });
