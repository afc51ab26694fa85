// hui default theme: small enhancements only; every page works without this file.
(function () {
  "use strict";
  document.documentElement.classList.add("js");
})();
