// Tells the server about keyboard, mouse and touch input, at most once per interval, for the idle sign-out.
const inputs = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart', 'scroll'];
let stopCurrent = null;

export function watch(dotNet, intervalMs) {
    stop();
    let last = Date.now();
    const report = () => {
        const now = Date.now();
        if (now - last >= intervalMs) {
            last = now;
            dotNet.invokeMethodAsync('Active').catch(() => { });
        }
    };
    inputs.forEach(type => window.addEventListener(type, report, { passive: true, capture: true }));
    stopCurrent = () => inputs.forEach(type => window.removeEventListener(type, report, { capture: true }));
}

export function stop() {
    if (stopCurrent) {
        stopCurrent();
        stopCurrent = null;
    }
}
