// The letter to an MP, with JavaScript: the e-mail link follows the letter as it is edited (without JavaScript, "Make
// the e-mail" asks the server to write it in), and a button copies the letter for pasting into any e-mail.
(() => {
  const letter = document.getElementById('letter');
  const mail = document.getElementById('mail-letter');
  const copy = document.getElementById('copy-letter');
  const status = document.getElementById('copy-status');
  if (!letter || !copy || !status) {
    return;
  }
  if (mail) {
    const follow = () => { mail.href = mail.dataset.mailto + encodeURIComponent(letter.value); };
    letter.addEventListener('input', follow);
    follow();
    mail.hidden = false;
  }
  copy.hidden = false;
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(letter.value);
      status.textContent = 'Letter copied. Paste it into an e-mail to your MP.';
    } catch {
      letter.select();
      status.textContent = 'Your browser did not let us copy it: the letter is selected, so copy it with your keyboard.';
    }
  });
})();
