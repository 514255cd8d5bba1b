/* global window, document */
/* Runs before the page's bundle, inlined at the end of the body of taskpane.html and
 * selftest.html (webpack.config.js). It must parse in Internet Explorer 11 and Microsoft Edge
 * Legacy, so it is written in ES3: var, function, no arrow, no let/const, no template strings
 * (tests/deploy/old-host.test.ts parses it as ES3).
 *
 * Volume-licensed Office through 2019 may host the pane in IE11's webview (Trident) or Edge
 * Legacy's (EdgeHTML), where the ES2022 bundle cannot run and the pane would stay blank. Microsoft
 * recommends detecting these webviews from navigator.userAgent ("Trident" for IE11, "Edge" for
 * Edge Legacy; Chromium-based Edge says "Edg/") and showing a graceful failure message:
 * learn.microsoft.com/office/dev/add-ins/develop/support-ie-11 and
 * learn.microsoft.com/office/dev/add-ins/concepts/browsers-used-by-office-web-add-ins
 * The wording follows Microsoft's suggested message, in Chinese and English (office.js may not
 * have told us the display language yet).
 */
(function () {
  var ua = (window.navigator && window.navigator.userAgent) || "";
  if (ua.indexOf("Trident") === -1 && ua.indexOf("Edge") === -1) return;
  window.chamberStatsOldWebview = true;
  var texts = [
    [
      "zh-CN",
      "商会统计无法在您的 Office 版本中运行。请升级到 Office 2021 或更高版本的永久版，或使用 Microsoft 365 订阅版。",
    ],
    [
      "en",
      "Chamber Stats won't run in your version of Office. Please upgrade either to perpetual Office 2021 (or later) or to a Microsoft 365 account.",
    ],
  ];
  var box = document.createElement("div");
  box.id = "old-office";
  box.style.margin = "16px";
  box.style.fontSize = "14px";
  box.style.lineHeight = "1.6";
  for (var i = 0; i < texts.length; i++) {
    var p = document.createElement("p");
    p.setAttribute("lang", texts[i][0]);
    p.appendChild(document.createTextNode(texts[i][1]));
    box.appendChild(p);
  }
  var container = document.getElementById("container");
  if (container) container.style.display = "none";
  document.body.appendChild(box);
})();
