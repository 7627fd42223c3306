// Confirms destructive actions: <button data-confirm="Are you sure?">.
document.addEventListener("click", (event) => {
    const button = event.target.closest("[data-confirm]");
    if (button && !window.confirm(button.getAttribute("data-confirm"))) {
        event.preventDefault();
    }
});
