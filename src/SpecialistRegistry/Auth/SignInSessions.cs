using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SpecialistRegistry.Data;

namespace SpecialistRegistry.Auth;

/// <summary>
/// The server's record of each signed-in browser session: one row per session in the Identity tokens table
/// (login provider <see cref="LoginProvider"/>, name = the session id, value = when it began). The sign-in cookie
/// names its session; a cookie whose row is gone (signed out, signed out by another session, past the absolute
/// lifetime) is refused on the next request, wherever it was copied to. The rows live in the shared database, so
/// every node sees a sign-out at once. See docs/sessions.md.
/// </summary>
public sealed class SignInSessions(IDbContextFactory<RegistryDb> dbs, TimeProvider clock, IOptions<AuthOptions> options)
{
    public const string LoginProvider = "[RegistrySession]";

    /// <summary>Records a new session for the user and forgets their sessions that are past the absolute lifetime.</summary>
    public async Task<string> StartAsync(Actor actor, string userId, CancellationToken cancellationToken = default)
    {
        await using var db = dbs.CreateDbContext();
        db.Actor = actor;
        var now = clock.GetUtcNow();
        var expired = (await db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == LoginProvider).ToListAsync(cancellationToken))
            .Where(t => !IsWithinLifetime(t.Value, now));
        db.UserTokens.RemoveRange(expired);
        var id = Guid.CreateVersion7().ToString("N");
        db.UserTokens.Add(new IdentityUserToken<string>
        {
            UserId = userId,
            LoginProvider = LoginProvider,
            Name = id,
            Value = now.ToString("O", CultureInfo.InvariantCulture),
        });
        await db.SaveChangesAsync(cancellationToken);
        return id;
    }

    /// <summary>Whether the session is still on record, within its absolute lifetime, and its account not disabled.</summary>
    public async Task<bool> IsActiveAsync(string userId, string sessionId, CancellationToken cancellationToken = default) =>
        await StateAsync(userId, sessionId, cancellationToken) == SessionState.Active;

    /// <summary>
    /// The session's state, in one indexed read. The account's disabled flag is read with it so that disabling a
    /// user ends their access on the very next request, on every node, instead of at the next security-stamp check.
    /// </summary>
    public async Task<SessionState> StateAsync(string userId, string sessionId, CancellationToken cancellationToken = default)
    {
        await using var db = dbs.CreateDbContext();
        var session = await db.UserTokens
            .Where(t => t.UserId == userId && t.LoginProvider == LoginProvider && t.Name == sessionId)
            .Select(t => new { Began = t.Value, Disabled = db.Users.Where(u => u.Id == t.UserId).Select(u => u.IsDisabled).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken);
        if (session is null || !IsWithinLifetime(session.Began, clock.GetUtcNow()))
            return SessionState.Ended;
        return session.Disabled ? SessionState.AccountDisabled : SessionState.Active;
    }

    /// <summary>Ends one session (sign-out, idle time-out). Ending a session that is already gone does nothing.</summary>
    public Task<int> EndAsync(Actor actor, string userId, string sessionId, CancellationToken cancellationToken = default) =>
        RemoveAsync(actor, userId, name => name == sessionId, cancellationToken);

    /// <summary>Ends every session of the user but <paramref name="keepSessionId"/>; returns how many ended.</summary>
    public Task<int> EndOthersAsync(Actor actor, string userId, string keepSessionId, CancellationToken cancellationToken = default) =>
        RemoveAsync(actor, userId, name => name != keepSessionId, cancellationToken);

    private async Task<int> RemoveAsync(Actor actor, string userId, Func<string, bool> which, CancellationToken cancellationToken)
    {
        await using var db = dbs.CreateDbContext();
        db.Actor = actor;
        var rows = (await db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == LoginProvider).ToListAsync(cancellationToken))
            .Where(t => which(t.Name))
            .ToList();
        if (rows.Count == 0)
            return 0;
        db.UserTokens.RemoveRange(rows);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another node ended the same session in the meantime: it is gone either way.
        }
        return rows.Count;
    }

    private bool IsWithinLifetime(string? began, DateTimeOffset now) =>
        DateTimeOffset.TryParse(began, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var start)
        && now - start < options.Value.AbsoluteLifetime;
}

/// <summary>What a sign-in cookie's session is worth now; the sign-in page tells the user why theirs ended.</summary>
public enum SessionState
{
    Active,
    /// <summary>Signed out (here or by another session) or past the absolute lifetime.</summary>
    Ended,
    AccountDisabled,
}
