using System.Collections.Concurrent;

namespace SpecialistRegistry.Auth;

/// <summary>
/// When each session last saw keyboard, mouse or touch input in one of its open pages on this node. Shared by the
/// session's tabs, so one idle tab does not sign out a person working in another. Node-local on purpose: with
/// sticky sessions a browser's tabs share a node; without them a node judges by the tabs it serves, which can only
/// sign a session out early, never keep it alive.
/// </summary>
public sealed class SessionActivity(TimeProvider clock)
{
    private static readonly TimeSpan ForgetAfter = TimeSpan.FromDays(1);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastInput = new();

    public void Touch(string sessionId)
    {
        var now = clock.GetUtcNow();
        _lastInput[sessionId] = now;
        if (_lastInput.Count % 512 == 0)
            foreach (var (id, at) in _lastInput)
                if (now - at > ForgetAfter)
                    _lastInput.TryRemove(id, out _);
    }

    public DateTimeOffset? LastInput(string sessionId) => _lastInput.TryGetValue(sessionId, out var at) ? at : null;

    public void Forget(string sessionId) => _lastInput.TryRemove(sessionId, out _);
}
