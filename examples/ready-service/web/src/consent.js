// Cookie consent for the storefront, after https://cookieconsent.orestbida.com/essential/getting-started.html
// Analytics cookies are set only after the visitor accepts the "analytics" category.
import 'vanilla-cookieconsent/dist/cookieconsent.css';
import * as CookieConsent from 'vanilla-cookieconsent';

CookieConsent.run({
  guiOptions: {
    consentModal: { layout: 'box', position: 'bottom right' },
  },
  categories: {
    necessary: { enabled: true, readOnly: true },
    analytics: {
      autoClear: { cookies: [{ name: /^_ga/ }, { name: '_gid' }] },
    },
  },
  language: {
    default: 'en',
    translations: {
      en: {
        consentModal: {
          title: 'We use cookies',
          description: 'Necessary cookies keep your cart and session. With your consent we also measure visits.',
          acceptAllBtn: 'Accept all',
          acceptNecessaryBtn: 'Reject all',
          showPreferencesBtn: 'Manage preferences',
          footer: '<a href="https://shop.example/legal/privacy">Privacy Policy</a>',
        },
        preferencesModal: {
          title: 'Cookie preferences',
          acceptAllBtn: 'Accept all',
          acceptNecessaryBtn: 'Reject all',
          savePreferencesBtn: 'Save preferences',
          sections: [
            { title: 'Strictly necessary', description: 'Session and cart.', linkedCategory: 'necessary' },
            { title: 'Analytics', description: 'Anonymous visit statistics.', linkedCategory: 'analytics' },
          ],
        },
      },
    },
  },
});
