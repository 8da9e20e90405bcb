using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Admin;
using SpecialistRegistry.Tests.Infrastructure;
using static SpecialistRegistry.Tests.Features.Admin.AdminTestData;

namespace SpecialistRegistry.Tests.Features.Admin;

public sealed class UserAdminServiceTests
{
    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Create_makes_a_firm_hr_account_that_must_change_a_temporary_password_identity_accepts(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var firmId = await AddFirmAsync(app, "Ganzhou Mining", Code("91360700MA35R8L4X"));
        await using var scope = app.Scope(TestUsers.Admin);
        var service = scope.ServiceProvider.GetRequiredService<UserAdminService>();

        var result = await service.CreateAsync(new UserInput { DisplayName = " Li Na ", Email = "li.na@ganzhou.example.cn", Role = Roles.FirmHR, FirmId = firmId });

        Assert.True(result.Succeeded, result.Error);
        var password = result.Value!.TemporaryPassword;
        Assert.True(password.Length >= 12);
        await using var check = app.Scope();
        var users = check.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByEmailAsync("li.na@ganzhou.example.cn"))!;
        Assert.Equal(result.Value.Id, user.Id);
        Assert.Equal("Li Na", user.DisplayName);
        Assert.Equal(firmId, user.FirmId);
        Assert.True(user.MustChangePassword);
        Assert.False(user.IsDisabled);
        Assert.Equal([Roles.FirmHR], await users.GetRolesAsync(user));
        Assert.True(await users.CheckPasswordAsync(user, password));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Create_with_an_e_mail_already_in_use_is_refused_on_the_field_and_writes_nothing(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var scope = app.Scope(TestUsers.Admin);
        var service = scope.ServiceProvider.GetRequiredService<UserAdminService>();
        Assert.True((await service.CreateAsync(Regulator("wang.lei@regulator.example.cn"))).Succeeded);
        var before = await CountsAsync(app);

        var result = await service.CreateAsync(Regulator("Wang.Lei@Regulator.example.cn"));

        Assert.False(result.Succeeded);
        Assert.Equal(nameof(UserInput.Email), result.Field);
        Assert.Equal(UserAdminService.DuplicateEmailMessage, result.Error);
        Assert.Equal(before, await CountsAsync(app));
    }

    [Fact]
    public async Task A_firm_hr_account_needs_a_firm_and_no_other_role_may_have_one()
    {
        await using var app = await TestApp.StartAsync();
        var firmId = await AddFirmAsync(app, "Some Firm", Code("91330200MA2G9Y3K1"));
        var before = await CountsAsync(app);
        await using var scope = app.Scope(TestUsers.Admin);
        var service = scope.ServiceProvider.GetRequiredService<UserAdminService>();

        var withoutFirm = await service.CreateAsync(new UserInput { DisplayName = "No Firm", Email = "hr@none.example.cn", Role = Roles.FirmHR });
        var regulatorWithFirm = await service.CreateAsync(Regulator("r@x.example.cn") with { FirmId = firmId });
        var unknownFirm = await service.CreateAsync(new UserInput { DisplayName = "Ghost", Email = "hr@ghost.example.cn", Role = Roles.FirmHR, FirmId = Guid.NewGuid() });

        Assert.Equal(nameof(UserInput.FirmId), withoutFirm.Field);
        Assert.Equal(nameof(UserInput.FirmId), regulatorWithFirm.Field);
        Assert.Equal(UserAdminService.NoSuchFirmMessage, unknownFirm.Error);
        Assert.Equal(before, await CountsAsync(app));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Disabling_sets_the_flag_rotates_the_security_stamp_and_stops_sign_in(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var scope = app.Scope(TestUsers.Admin);
        var service = scope.ServiceProvider.GetRequiredService<UserAdminService>();
        var id = (await service.CreateAsync(Regulator("leaving@regulator.example.cn"))).Value!.Id;
        var stampBefore = await StampAsync(app, id);

        var result = await service.SetDisabledAsync(id, disabled: true);

        Assert.True(result.Succeeded, result.Error);
        await using var check = app.Scope();
        var user = (await check.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(id))!;
        Assert.True(user.IsDisabled);
        Assert.NotEqual(stampBefore, user.SecurityStamp);
        Assert.False(await check.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>().CanSignInAsync(user));

        Assert.True((await service.SetDisabledAsync(id, disabled: false)).Succeeded);
        Assert.False((await FindAsync(app, id)).IsDisabled);
    }

    [Fact]
    public async Task An_admin_cannot_disable_or_reset_their_own_account()
    {
        await using var app = await TestApp.StartAsync();
        await using var scope = app.Scope(TestUsers.Admin);
        var service = scope.ServiceProvider.GetRequiredService<UserAdminService>();

        var disable = await service.SetDisabledAsync("test-admin", disabled: true);
        var reset = await service.ResetPasswordAsync("test-admin");

        Assert.Contains("your own account", disable.Error);
        Assert.False(reset.Succeeded);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Reset_sets_a_new_temporary_password_that_must_be_changed_and_lifts_the_lockout(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var scope = app.Scope(TestUsers.Admin);
        var service = scope.ServiceProvider.GetRequiredService<UserAdminService>();
        var created = (await service.CreateAsync(Regulator("forgetful@regulator.example.cn"))).Value!;
        await LockOutAsync(app, created.Id);
        var stampBefore = await StampAsync(app, created.Id);

        var result = await service.ResetPasswordAsync(created.Id);

        Assert.True(result.Succeeded, result.Error);
        Assert.NotEqual(created.TemporaryPassword, result.Value);
        await using var check = app.Scope();
        var users = check.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByIdAsync(created.Id))!;
        Assert.True(user.MustChangePassword);
        Assert.True(await users.CheckPasswordAsync(user, result.Value!));
        Assert.False(await users.CheckPasswordAsync(user, created.TemporaryPassword));
        Assert.False(await users.IsLockedOutAsync(user));
        Assert.Equal(0, user.AccessFailedCount);
        Assert.NotEqual(stampBefore, user.SecurityStamp);
    }

    [Fact]
    public async Task Unlock_lifts_a_lockout_from_failed_sign_ins()
    {
        await using var app = await TestApp.StartAsync();
        await using var scope = app.Scope(TestUsers.Admin);
        var service = scope.ServiceProvider.GetRequiredService<UserAdminService>();
        var id = (await service.CreateAsync(Regulator("clumsy@regulator.example.cn"))).Value!.Id;
        await LockOutAsync(app, id);

        var lockedList = await service.ListAsync(new UserFilter(Status: UserStatusFilter.LockedOut), new PageRequest());
        var result = await service.UnlockAsync(id);

        Assert.Equal([id], lockedList.Items.Select(u => u.Id));
        Assert.True(Assert.Single(lockedList.Items).IsLockedOut);
        Assert.True(result.Succeeded, result.Error);
        await using var check = app.Scope();
        var users = check.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.False(await users.IsLockedOutAsync((await users.FindByIdAsync(id))!));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Changing_role_and_firm_rotates_the_stamp_and_a_stale_edit_is_refused(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var firmId = await AddFirmAsync(app, "Ningbo Magnets", Code("91330200MA2G9Y3K1"));
        await using var scope = app.Scope(TestUsers.Admin);
        var service = scope.ServiceProvider.GetRequiredService<UserAdminService>();
        var id = (await service.CreateAsync(Regulator("mover@regulator.example.cn"))).Value!.Id;
        var first = (await service.GetForEditAsync(id))!;
        var second = (await service.GetForEditAsync(id))!;
        var stampBefore = await StampAsync(app, id);

        var moved = await service.UpdateAsync(id, first.ConcurrencyStamp, first.Input with { Role = Roles.FirmHR, FirmId = firmId, DisplayName = "Mover" });
        var stale = await service.UpdateAsync(id, second.ConcurrencyStamp, second.Input with { DisplayName = "Stale" });

        Assert.True(moved.Succeeded, moved.Error);
        Assert.Equal(UserAdminService.StaleMessage, stale.Error);
        await using var check = app.Scope();
        var users = check.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByIdAsync(id))!;
        Assert.Equal("Mover", user.DisplayName);
        Assert.Equal(firmId, user.FirmId);
        Assert.Equal([Roles.FirmHR], await users.GetRolesAsync(user));
        Assert.NotEqual(stampBefore, user.SecurityStamp);
    }

    [Fact]
    public async Task Renaming_alone_keeps_the_session_alive()
    {
        await using var app = await TestApp.StartAsync();
        await using var scope = app.Scope(TestUsers.Admin);
        var service = scope.ServiceProvider.GetRequiredService<UserAdminService>();
        var id = (await service.CreateAsync(Regulator("renamed@regulator.example.cn"))).Value!.Id;
        var edit = (await service.GetForEditAsync(id))!;
        var stampBefore = await StampAsync(app, id);

        var result = await service.UpdateAsync(id, edit.ConcurrencyStamp, edit.Input with { DisplayName = "New Name" });

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("New Name", (await FindAsync(app, id)).DisplayName);
        Assert.Equal(stampBefore, await StampAsync(app, id));
    }

    [Fact]
    public async Task Every_change_is_audited_in_the_admins_name()
    {
        await using var app = await TestApp.StartAsync();
        long start;
        await using (var db = app.OpenDb())
            start = await db.AuditEntries.LongCountAsync();
        await using var scope = app.Scope(TestUsers.Admin);
        var service = scope.ServiceProvider.GetRequiredService<UserAdminService>();

        var id = (await service.CreateAsync(Regulator("audited@regulator.example.cn"))).Value!.Id;
        await service.SetDisabledAsync(id, true);
        await service.ResetPasswordAsync(id);

        await using var check = app.OpenDb();
        var entries = await check.AuditEntries.Where(a => a.Sequence > start).OrderBy(a => a.Sequence).ToListAsync();
        Assert.Contains(entries, e => e.EntityType == nameof(ApplicationUser) && e.Action == "Added" && e.EntityKey == id);
        Assert.Contains(entries, e => e.EntityType.StartsWith("IdentityUserRole", StringComparison.Ordinal) && e.Action == "Added");
        Assert.Contains(entries, e => e.EntityType == nameof(ApplicationUser) && e.Action == "Modified" && e.Changes.Contains("IsDisabled"));
        Assert.All(entries, e => Assert.Equal(("test-admin", "Test Admin"), (e.ActorId, e.ActorName)));
        // The reset shows up as a changed password, with the value itself kept out of the trail.
        Assert.Contains(entries, e => e.Changes.Contains("\"PasswordHash\":[\"[secret]\",\"[secret]\"]"));
        var stored = await check.Users.AsNoTracking().SingleAsync(u => u.Id == id);
        Assert.DoesNotContain(entries, e => e.Changes.Contains(stored.PasswordHash!) || e.Changes.Contains(stored.SecurityStamp!));
    }

    [Fact]
    public async Task The_list_filters_by_search_role_and_status_and_sorts_on_the_server()
    {
        await using var app = await TestApp.StartAsync();
        var firmId = await AddFirmAsync(app, "Sichuan Separation", Code("91511300MA62T5N7X"));
        await using var scope = app.Scope(TestUsers.Admin);
        var service = scope.ServiceProvider.GetRequiredService<UserAdminService>();
        await service.CreateAsync(new UserInput { DisplayName = "Bai Hr", Email = "bai@sichuan.example.cn", Role = Roles.FirmHR, FirmId = firmId });
        var disabledId = (await service.CreateAsync(Regulator("ahn@regulator.example.cn") with { DisplayName = "Ahn Regulator" })).Value!.Id;
        await service.CreateAsync(new UserInput { DisplayName = "Cao Custody", Email = "cao@custody.example.cn", Role = Roles.CustodyOfficer });
        await service.SetDisabledAsync(disabledId, true);

        var all = await service.ListAsync(new UserFilter(), new PageRequest(Sort: nameof(UserRow.DisplayName)));
        var byFirm = await service.ListAsync(new UserFilter(Search: "SICHUAN"), new PageRequest());
        var regulators = await service.ListAsync(new UserFilter(Role: Roles.Regulator), new PageRequest());
        var disabled = await service.ListAsync(new UserFilter(Status: UserStatusFilter.Disabled), new PageRequest());
        var mustChange = await service.ListAsync(new UserFilter(Status: UserStatusFilter.MustChangePassword), new PageRequest(0, 2, nameof(UserRow.Email), true));

        Assert.Equal(["Ahn Regulator", "Bai Hr", "Cao Custody"], all.Items.Select(u => u.DisplayName));
        var hr = Assert.Single(byFirm.Items);
        Assert.Equal(("Sichuan Separation", Roles.FirmHR), (hr.FirmName, hr.Role));
        Assert.Equal([disabledId], regulators.Items.Select(u => u.Id));
        Assert.True(Assert.Single(disabled.Items).IsDisabled);
        Assert.Equal(3, mustChange.Total);
        Assert.Equal(["cao@custody.example.cn", "bai@sichuan.example.cn"], mustChange.Items.Select(u => u.Email));
    }

    [Fact]
    public async Task Only_an_admin_may_use_the_service()
    {
        await using var app = await TestApp.StartAsync();
        await using var scope = app.Scope(TestUsers.FirmHr(Guid.NewGuid()));
        var service = scope.ServiceProvider.GetRequiredService<UserAdminService>();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.CreateAsync(Regulator("x@y.example.cn")));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.ListAsync(new UserFilter(), new PageRequest()));
    }

    [Fact]
    public void Temporary_passwords_are_long_mixed_and_different_each_time()
    {
        var passwords = Enumerable.Range(0, 200).Select(_ => TemporaryPassword.Generate()).ToList();

        Assert.Equal(200, passwords.Distinct().Count());
        Assert.All(passwords, p =>
        {
            Assert.True(p.Replace("-", "").Length >= 12);
            Assert.Contains(p, char.IsUpper);
            Assert.Contains(p, char.IsLower);
            Assert.Contains(p, char.IsDigit);
            Assert.DoesNotContain(p, c => "0O1lI".Contains(c));
        });
    }

    private static UserInput Regulator(string email) =>
        new() { DisplayName = "Wang Lei", Email = email, Role = Roles.Regulator };

    private static async Task<ApplicationUser> FindAsync(TestApp app, string id)
    {
        await using var db = app.OpenDb();
        return await db.Users.AsNoTracking().SingleAsync(u => u.Id == id);
    }

    private static async Task<string?> StampAsync(TestApp app, string id) => (await FindAsync(app, id)).SecurityStamp;

    /// <summary>Five wrong passwords, as Identity counts them at sign-in.</summary>
    private static async Task LockOutAsync(TestApp app, string id)
    {
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByIdAsync(id))!;
        for (var i = 0; i < 5; i++)
            await users.AccessFailedAsync(user);
        Assert.True(await users.IsLockedOutAsync(user));
    }
}
