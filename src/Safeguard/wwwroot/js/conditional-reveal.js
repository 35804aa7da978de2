// Conditional reveal (the GOV.UK pattern): questions that apply only to some answers of another question are shown
// only once one of those answers is chosen.
//
// A block marked data-shown-when="Name" data-shown-values="a b" holds the questions that apply when the radio or
// checkbox named Name has one of those values checked. Without this script every question stays visible, and the
// server asks each only when it applies, so the form works as before. With it, the block is hidden until one of the
// values is chosen; each of those inputs names the block in aria-controls (not aria-expanded, which a radio or a
// checkbox may not carry: as GOV.UK Frontend does, the input's own checked state says it).
'use strict';

(() => {
  let count = 0;
  for (const block of document.querySelectorAll('[data-shown-when]')) {
    const form = block.closest('form');
    if (!form) {
      continue;
    }
    const values = (block.dataset.shownValues || '').split(' ');
    const controls = [...form.elements].filter(input => input.name === block.dataset.shownWhen && (input.type === 'radio' || input.type === 'checkbox'));
    const revealing = controls.filter(input => values.includes(input.value));
    if (!block.id) {
      count += 1;
      block.id = `conditional-${count}`;
    }
    const update = () => {
      block.hidden = !revealing.some(input => input.checked);
    };
    for (const input of revealing) {
      input.setAttribute('aria-controls', block.id);
    }
    for (const input of controls) {
      input.addEventListener('change', update);
    }
    update();
  }
})();
