// Injected right after the Content-Security-Policy of a copy of the report:
// records every error, CSP violation and console.error of the page.
window.acgProbeErrors = [];
window.addEventListener("error", function (e) {
	window.acgProbeErrors.push("error: " + e.message + " (" + e.filename + ":" + e.lineno + ")");
});
window.addEventListener("unhandledrejection", function (e) {
	window.acgProbeErrors.push("unhandled rejection: " + e.reason);
});
document.addEventListener("securitypolicyviolation", function (e) {
	window.acgProbeErrors.push("content security policy: " + e.violatedDirective + " " + e.blockedURI);
});
window.alert = function () { window.acgProbeAlerted = true; };
(function () {
	var ce = console.error, cw = console.warn;
	console.error = function () {
		window.acgProbeErrors.push("console.error: " + Array.prototype.join.call(arguments, " "));
		return ce.apply(console, arguments);
	};
	console.warn = function () {
		window.acgProbeErrors.push("console.warn: " + Array.prototype.join.call(arguments, " "));
		return cw.apply(console, arguments);
	};
})();
