/* global window, document */
/* Runs before the task pane's bundle, inlined at the end of taskpane.html's body (webpack.config.js).
 * It must parse in Internet Explorer 11 and Microsoft Edge Legacy, so it is written in ES3: var,
 * function, no arrow, no let/const, no template strings (tests/deploy/old-host.test.ts parses it as
 * ES3).
 *
 * Volume-licensed Office through 2019 may host the pane in IE11's webview (Trident) or Edge
 * Legacy's (EdgeHTML), where the ES2022 bundle cannot run and the pane would stay blank. Microsoft
 * recommends detecting these webviews from navigator.userAgent ("Trident" for IE11, "Edge" for
 * Edge Legacy; Chromium-based Edge says "Edg/") and showing a graceful failure message:
 * learn.microsoft.com/office/dev/add-ins/develop/support-ie-11 and
 * learn.microsoft.com/office/dev/add-ins/concepts/browsers-used-by-office-web-add-ins
 */
(function () {
  var ua = (window.navigator && window.navigator.userAgent) || "";
  if (ua.indexOf("Trident") === -1 && ua.indexOf("Edge") === -1) return;
  window.chamberStatsOldWebview = true;
  var message = document.getElementById("old-office");
  var container = document.getElementById("container");
  if (container) container.style.display = "none";
  if (message) message.style.display = "block";
})();
