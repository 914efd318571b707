// A page that loads news-elements twice from two URLs (two scripts on a page, or two versions of
// Lit): each copy's Lit creates its own `lit-html` Trusted Types policy.
import '/dist/news-elements.js';
import '/copy/dist/news-elements.js';
