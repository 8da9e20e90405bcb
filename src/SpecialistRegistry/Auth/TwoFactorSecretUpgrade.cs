using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Data;

namespace SpecialistRegistry.Auth;

/// <summary>
/// Rewrites second-factor secrets stored in plain text by earlier versions (authenticator keys, recovery codes)
/// into their encrypted and hashed forms, once, as the host starts (after the database is migrated). Idempotent:
/// a rewritten row is skipped, so several nodes starting at once only repeat each other's work.
/// </summary>
internal sealed class TwoFactorSecretUpgrade(IServiceScopeFactory scopes, ILogger<TwoFactorSecretUpgrade> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var rewritten = await RunAsync(scopes, cancellationToken);
        if (rewritten > 0)
            logger.LogInformation("Encrypted or hashed {Count} second-factor secret(s) stored in plain text.", rewritten);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static async Task<int> RunAsync(IServiceScopeFactory scopes, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var protector = scope.ServiceProvider.GetRequiredService<FieldProtector>();
        await using var db = scope.ServiceProvider.GetRequiredService<IDbContextFactory<RegistryDb>>().CreateDbContext();
        db.Actor = Actor.System;
        var plain = await db.UserTokens
            .Where(t => t.LoginProvider == TwoFactorSecretStore.IdentityProvider
                && ((t.Name == TwoFactorSecretStore.KeyName && !t.Value!.StartsWith(TwoFactorSecretStore.EncryptedMark))
                    || (t.Name == TwoFactorSecretStore.CodesName && !t.Value!.StartsWith(TwoFactorSecretStore.HashedMark))))
            .ToListAsync(cancellationToken);
        foreach (var token in plain.Where(t => !string.IsNullOrEmpty(t.Value)))
            token.Value = token.Name == TwoFactorSecretStore.KeyName
                ? TwoFactorSecretStore.ProtectKey(protector, token.Value!)
                : TwoFactorSecretStore.StoredCodes(token.UserId, TwoFactorSecretStore.HashesOf(protector, token.UserId, token.Value));
        await db.SaveChangesAsync(cancellationToken);
        return plain.Count;
    }
}
