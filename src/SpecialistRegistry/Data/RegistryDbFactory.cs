using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Auth;

namespace SpecialistRegistry.Data;

/// <summary>
/// Hands out one <see cref="RegistryDb"/> per operation, already stamped with the acting user and, for
/// Firm HR, their firm, so every query a Firm HR user causes is filtered to that firm.
/// </summary>
public sealed class RegistryDbFactory(Func<RegistryDb> create, CurrentUser currentUser) : IDbContextFactory<RegistryDb>
{
    public RegistryDb CreateDbContext()
    {
        var db = create();
        var user = currentUser.Get();
        db.Actor = user.Actor;
        db.FirmScope = user.FirmScope;
        return db;
    }
}
