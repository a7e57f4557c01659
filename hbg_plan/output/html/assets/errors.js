
window.addEventListener('error', function (ev) {
  var text = (ev.message || 'error') + (ev.lineno ? ' (line ' + ev.lineno + ')' : '');
  var box = document.getElementById('js-errors');
  if (box) { box.hidden = false; box.textContent += text + '\n'; }
  else { document.documentElement.setAttribute('data-js-errors', text); }
});
