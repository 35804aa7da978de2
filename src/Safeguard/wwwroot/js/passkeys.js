// Passkeys on the staff pages: signing in with one (/staff/sign-in) and adding one (/staff/passkeys).
//
// A form marked data-passkey="get" or "create" first posts itself (with its antiforgery token) to the address in
// data-passkey-options, which answers with the WebAuthn options and keeps the ceremony's state in a cookie; then the
// browser asks the person for their passkey; then the form is submitted with the answer as JSON in CredentialJson,
// or with the error's name in Failure when the ceremony was cancelled or failed, and the server says in the page's
// error summary what happened. Elements marked data-passkey-supported are shown, and data-passkey-unsupported
// hidden, only in a browser that can do all this; without this script nothing changes and the passphrase and code
// work as before.
'use strict';

(() => {
  const supported = typeof window.PublicKeyCredential === 'function'
    && typeof PublicKeyCredential.parseCreationOptionsFromJSON === 'function'
    && typeof PublicKeyCredential.parseRequestOptionsFromJSON === 'function';
  if (!supported) {
    return;
  }
  for (const element of document.querySelectorAll('[data-passkey-supported]')) {
    element.hidden = false;
  }
  for (const element of document.querySelectorAll('[data-passkey-unsupported]')) {
    element.hidden = true;
  }

  const ceremony = async (form) => {
    const response = await fetch(form.dataset.passkeyOptions, { method: 'POST', body: new FormData(form), credentials: 'same-origin' })
      .catch(() => null);
    if (!response || !response.ok) {
      // No options (a passkey name missing, say): the form goes as it is and the server says what to fix.
      return;
    }
    try {
      const options = await response.json();
      const credential = form.dataset.passkey === 'create'
        ? await navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) })
        : await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) });
      form.elements.CredentialJson.value = JSON.stringify(credential.toJSON());
    } catch (error) {
      form.elements.Failure.value = error instanceof DOMException ? error.name : 'Error';
    }
  };

  for (const form of document.querySelectorAll('form[data-passkey]')) {
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (event.submitter) {
        event.submitter.disabled = true;
      }
      await ceremony(form);
      form.submit();
    });
  }
})();
