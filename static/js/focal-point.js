// Focal point picker for the media library (admin Image form). Progressive enhancement: without
// this script the editor types focal_x / focal_y (0–1) by hand; with it, a click on the picture
// writes both inputs and moves the marker. The crops are remade on the server when the form is saved.
(function () {
  "use strict";

  function init() {
    var picker = document.querySelector("[data-focal-point]");
    var inputX = document.getElementById("id_focal_x");
    var inputY = document.getElementById("id_focal_y");
    var fileInput = document.getElementById("id_file");
    if (!picker || !inputX || !inputY) return;
    var img = picker.querySelector("img");
    var marker = document.createElement("span");
    marker.className = "focal-point__marker";
    marker.setAttribute("aria-hidden", "true");
    picker.appendChild(marker);

    function clamp(value) {
      return Math.min(1, Math.max(0, value));
    }

    function place() {
      var x = clamp(parseFloat(inputX.value) || 0.5);
      var y = clamp(parseFloat(inputY.value) || 0.5);
      marker.style.left = x * 100 + "%";
      marker.style.top = y * 100 + "%";
    }

    img.addEventListener("click", function (event) {
      var box = img.getBoundingClientRect();
      inputX.value = clamp((event.clientX - box.left) / box.width).toFixed(3);
      inputY.value = clamp((event.clientY - box.top) / box.height).toFixed(3);
      place();
    });
    inputX.addEventListener("input", place);
    inputY.addEventListener("input", place);

    // A new file: show it here (from the editor's own disk) so the point can be set before saving.
    if (fileInput) {
      fileInput.addEventListener("change", function () {
        var file = fileInput.files && fileInput.files[0];
        if (!file || !/^image\/(jpeg|png|webp|gif)$/.test(file.type)) return;
        if (img.dataset.objectUrl) URL.revokeObjectURL(img.dataset.objectUrl);
        img.dataset.objectUrl = URL.createObjectURL(file);
        img.removeAttribute("width");
        img.removeAttribute("height");
        img.src = img.dataset.objectUrl;
        picker.hidden = false;
        inputX.value = "0.5";
        inputY.value = "0.5";
        place();
      });
    }
    place();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
