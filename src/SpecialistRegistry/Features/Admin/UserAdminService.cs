using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Features.Admin;

public enum UserStatusFilter
{
    Any,
    Active,
    Disabled,
    LockedOut,
    MustChangePassword,
}

public sealed record UserFilter(string? Search = null, string? Role = null, UserStatusFilter Status = UserStatusFilter.Any);

public sealed record UserRow(
    string Id, string DisplayName, string Email, string? Role, string? FirmName,
    bool IsDisabled, bool IsLockedOut, bool MustChangePassword);

/// <summary>An account as loaded for editing: the stamp is what a later save must still find.</summary>
public sealed record UserForEdit(string Id, string ConcurrencyStamp, bool IsSelf, UserInput Input);

/// <summary>A new account and the temporary password to hand over; the password is not kept anywhere.</summary>
public sealed record CreatedUser(string Id, string TemporaryPassword);

/// <summary>
/// User accounts as the Admin manages them. Identity's UserManager does the work, from a new service scope
/// per operation: the circuit lives for minutes and must not keep a stale user or a long-lived context.
/// </summary>
public sealed class UserAdminService(
    IServiceScopeFactory scopes, IDbContextFactory<RegistryDb> dbFactory, CurrentUser currentUser, TimeProvider clock)
{
    // In the reader's language: the dialog compares a refusal with StaleMessage to offer a reload.
    public static string StaleMessage => AdminText.Say("UserStale");
    public static string GoneMessage => AdminText.Say("UserGone");
    public static string DuplicateEmailMessage => AdminText.Say("DuplicateEmail");
    public static string NoSuchFirmMessage => AdminText.Say("NoSuchFirm");

    public async Task<GridPage<UserRow>> ListAsync(UserFilter filter, PageRequest page, CancellationToken ct = default)
    {
        RequireAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var rows = db.Users.AsNoTracking().Select(u => new
        {
            u.Id, u.DisplayName, Email = u.Email ?? "",
            Role = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).FirstOrDefault(),
            FirmName = db.Firms.IgnoreQueryFilters().Where(f => f.Id == u.FirmId).Select(f => f.Name).FirstOrDefault(),
            u.IsDisabled, IsLockedOut = u.LockoutEnd != null && u.LockoutEnd > now, u.MustChangePassword,
        });

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var s = filter.Search.Trim().ToLowerInvariant();
            rows = rows.Where(u => u.DisplayName.ToLower().Contains(s) || u.Email.ToLower().Contains(s)
                || (u.FirmName != null && u.FirmName.ToLower().Contains(s)));
        }
        if (filter.Role is { Length: > 0 } role)
            rows = rows.Where(u => u.Role == role);
        rows = filter.Status switch
        {
            UserStatusFilter.Active => rows.Where(u => !u.IsDisabled && !u.IsLockedOut),
            UserStatusFilter.Disabled => rows.Where(u => u.IsDisabled),
            UserStatusFilter.LockedOut => rows.Where(u => u.IsLockedOut),
            UserStatusFilter.MustChangePassword => rows.Where(u => u.MustChangePassword),
            _ => rows,
        };

        var total = await rows.CountAsync(ct);
        var ordered = (page.Sort, page.Descending) switch
        {
            (nameof(UserRow.Email), false) => rows.OrderBy(u => u.Email),
            (nameof(UserRow.Email), true) => rows.OrderByDescending(u => u.Email),
            (nameof(UserRow.Role), false) => rows.OrderBy(u => u.Role),
            (nameof(UserRow.Role), true) => rows.OrderByDescending(u => u.Role),
            (nameof(UserRow.FirmName), false) => rows.OrderBy(u => u.FirmName),
            (nameof(UserRow.FirmName), true) => rows.OrderByDescending(u => u.FirmName),
            (_, true) => rows.OrderByDescending(u => u.DisplayName),
            _ => rows.OrderBy(u => u.DisplayName),
        };
        var items = await ordered.ThenBy(u => u.Id).Skip(page.Skip).Take(page.Take)
            .Select(u => new UserRow(u.Id, u.DisplayName, u.Email, u.Role, u.FirmName, u.IsDisabled, u.IsLockedOut, u.MustChangePassword))
            .ToListAsync(ct);
        return new GridPage<UserRow>(items, total);
    }

    public Task<UserForEdit?> GetForEditAsync(string id, CancellationToken ct = default) =>
        WithUserManagerAsync<UserForEdit?>(async (users, _) =>
        {
            var user = await users.FindByIdAsync(id);
            if (user is null)
                return null;
            var role = (await users.GetRolesAsync(user)).FirstOrDefault() ?? "";
            var input = new UserInput { DisplayName = user.DisplayName, Email = user.Email ?? "", Role = role, FirmId = user.FirmId };
            return new UserForEdit(user.Id, user.ConcurrencyStamp ?? "", user.Id == currentUser.Get().Id, input);
        });

    /// <summary>
    /// Creates the account with a temporary password it must change at first sign-in. The user row and its
    /// role are written in one transaction: an account without a role cannot be left behind.
    /// </summary>
    public Task<AdminResult<CreatedUser>> CreateAsync(UserInput input, CancellationToken ct = default) =>
        WithUserManagerAsync(async (users, db) =>
        {
            input = input.Normalized();
            if (input.FirstProblem(checkEmail: true) is (var field, var message))
                return AdminResult<CreatedUser>.Fail(message, field);
            if (input.FirmId is { } firmId && !await FirmExistsAsync(db, firmId, ct))
                return AdminResult<CreatedUser>.Fail(NoSuchFirmMessage, nameof(UserInput.FirmId));
            if (await users.FindByEmailAsync(input.Email) is not null)
                return AdminResult<CreatedUser>.Fail(DuplicateEmailMessage, nameof(UserInput.Email));

            var user = new ApplicationUser
            {
                UserName = input.Email, Email = input.Email, EmailConfirmed = true,
                DisplayName = input.DisplayName, FirmId = input.FirmId, MustChangePassword = true,
            };
            var password = TemporaryPassword.Generate();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            try
            {
                var created = await users.CreateAsync(user, password);
                if (created.Succeeded)
                    created = await users.AddToRoleAsync(user, input.Role);
                if (!created.Succeeded)
                {
                    await tx.RollbackAsync(ct);
                    return Refusal<CreatedUser>(created);
                }
                await tx.CommitAsync(ct);
            }
            catch (DbUpdateException)
            {
                // The same address added by another admin between our check and our save.
                await tx.RollbackAsync(ct);
                if (await EmailTakenAsync(input.Email, ct))
                    return AdminResult<CreatedUser>.Fail(DuplicateEmailMessage, nameof(UserInput.Email));
                throw;
            }
            return AdminResult<CreatedUser>.Ok(new CreatedUser(user.Id, password));
        });

    /// <summary>
    /// Changes name, role and firm, if the account is still as it was loaded. A new role or firm rotates the
    /// security stamp, so the person's open session picks up the change (or ends) at the next revalidation.
    /// </summary>
    public Task<AdminResult<Done>> UpdateAsync(string id, string concurrencyStamp, UserInput input, CancellationToken ct = default) =>
        WithUserManagerAsync(async (users, db) =>
        {
            input = input.Normalized();
            if (input.FirstProblem(checkEmail: false) is (var field, var message))
                return AdminResult<Done>.Fail(message, field);
            var user = await users.FindByIdAsync(id);
            if (user is null)
                return AdminResult<Done>.Fail(GoneMessage);
            if (user.ConcurrencyStamp != concurrencyStamp)
                return AdminResult<Done>.Fail(StaleMessage);
            var oldRole = (await users.GetRolesAsync(user)).FirstOrDefault();
            var roleChanged = oldRole != input.Role;
            var firmChanged = user.FirmId != input.FirmId;
            if (roleChanged && user.Id == currentUser.Get().Id)
                return AdminResult<Done>.Fail(AdminText.Say("OwnRoleAskAnother"), nameof(UserInput.Role));
            if (firmChanged && input.FirmId is { } firmId && !await FirmExistsAsync(db, firmId, ct))
                return AdminResult<Done>.Fail(NoSuchFirmMessage, nameof(UserInput.FirmId));

            user.DisplayName = input.DisplayName;
            user.FirmId = input.FirmId;
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var result = IdentityResult.Success;
            if (roleChanged && oldRole is not null)
                result = await users.RemoveFromRoleAsync(user, oldRole);
            if (result.Succeeded && roleChanged)
                result = await users.AddToRoleAsync(user, input.Role);
            if (result.Succeeded)
                result = roleChanged || firmChanged ? await users.UpdateSecurityStampAsync(user) : await users.UpdateAsync(user);
            if (!result.Succeeded)
            {
                await tx.RollbackAsync(ct);
                return Refusal<Done>(result);
            }
            await tx.CommitAsync(ct);
            return AdminResult<Done>.Ok(default);
        });

    /// <summary>
    /// A disabled account cannot sign in; rotating the stamp ends its open session at the next revalidation.
    /// </summary>
    public Task<AdminResult<Done>> SetDisabledAsync(string id, bool disabled, CancellationToken ct = default) =>
        WithUserManagerAsync(async (users, _) =>
        {
            if (disabled && id == currentUser.Get().Id)
                return AdminResult<Done>.Fail(AdminText.Say("CannotDisableSelf"));
            var user = await users.FindByIdAsync(id);
            if (user is null)
                return AdminResult<Done>.Fail(GoneMessage);
            if (user.IsDisabled == disabled)
                return AdminResult<Done>.Ok(default);
            user.IsDisabled = disabled;
            var result = disabled ? await users.UpdateSecurityStampAsync(user) : await users.UpdateAsync(user);
            return result.Succeeded ? AdminResult<Done>.Ok(default) : Refusal<Done>(result);
        });

    /// <summary>
    /// Replaces the password with a new temporary one that must be changed at next sign-in, and clears any
    /// lockout. All in one save; the new stamp ends the person's open sessions.
    /// </summary>
    public Task<AdminResult<string>> ResetPasswordAsync(string id, CancellationToken ct = default) =>
        WithUserManagerAsync(async (users, _) =>
        {
            if (id == currentUser.Get().Id)
                return AdminResult<string>.Fail(AdminText.Say("ChangeOwnPassword"));
            var user = await users.FindByIdAsync(id);
            if (user is null)
                return AdminResult<string>.Fail(GoneMessage);
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var password = TemporaryPassword.Generate();
            user.MustChangePassword = true;
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            var result = await users.ResetPasswordAsync(user, token, password);
            return result.Succeeded ? AdminResult<string>.Ok(password) : Refusal<string>(result);
        });

    /// <summary>Ends a lockout after too many failed sign-ins, before it would run out by itself.</summary>
    public Task<AdminResult<Done>> UnlockAsync(string id, CancellationToken ct = default) =>
        WithUserManagerAsync(async (users, _) =>
        {
            var user = await users.FindByIdAsync(id);
            if (user is null)
                return AdminResult<Done>.Fail(GoneMessage);
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            var result = await users.UpdateAsync(user);
            return result.Succeeded ? AdminResult<Done>.Ok(default) : Refusal<Done>(result);
        });

    // The new scope's context is stamped with the admin in this circuit: the new scope has no circuit, so it
    // cannot find the user by itself, and the audit trail must name who did it.
    private async Task<T> WithUserManagerAsync<T>(Func<UserManager<ApplicationUser>, RegistryDb, Task<T>> work)
    {
        RequireAdmin();
        var actor = currentUser.Get().Actor;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDb>();
        db.Actor = actor;
        db.FirmScope = null;
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await work(users, db);
    }

    private static Task<bool> FirmExistsAsync(RegistryDb db, Guid firmId, CancellationToken ct) =>
        db.Firms.IgnoreQueryFilters().AnyAsync(f => f.Id == firmId, ct);

    private async Task<bool> EmailTakenAsync(string email, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var normalized = email.ToUpperInvariant();
        return await db.Users.AnyAsync(u => u.NormalizedEmail == normalized || u.NormalizedUserName == normalized, ct);
    }

    private static AdminResult<T> Refusal<T>(IdentityResult result)
    {
        var errors = result.Errors.ToList();
        if (errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
            return AdminResult<T>.Fail(StaleMessage);
        if (errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
            return AdminResult<T>.Fail(DuplicateEmailMessage, nameof(UserInput.Email));
        if (errors.Any(e => e.Code is nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName)))
            return AdminResult<T>.Fail(AdminText.Say("InvalidEmailIdentity"), nameof(UserInput.Email));
        // Identity's own descriptions are English; the sentence around them says what failed in the reader's language.
        return AdminResult<T>.Fail(AdminText.Say("IdentityRefused", string.Join(" ", errors.Select(e => e.Description))));
    }

    private void RequireAdmin()
    {
        if (!currentUser.Get().Principal.IsInRole(Roles.Admin))
            throw new UnauthorizedAccessException(AdminText.Say("OnlyAdminUsers"));
    }
}
