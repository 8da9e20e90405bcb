using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests;

/// <summary>`-- create-admin`: how a new deployment, with no demo data, gets its first Admin.</summary>
public sealed class CreateAdminCommandTests
{
    [Fact]
    public async Task Create_admin_makes_an_Admin_whose_printed_temporary_password_must_be_changed()
    {
        await using var app = await TestApp.StartAsync();
        var output = new StringWriter();

        var code = await CommandLine.RunAsync(app.Services, ["create-admin", "root@registry.example", "Zhao Lei"], output);

        Assert.Equal(0, code);
        var password = output.ToString().Trim().Split(' ').Last();
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var admin = (await users.FindByEmailAsync("root@registry.example"))!;
        Assert.True(await users.IsInRoleAsync(admin, Roles.Admin));
        Assert.True(admin.MustChangePassword);
        Assert.True(await users.CheckPasswordAsync(admin, password));
    }

    [Fact]
    public async Task Create_admin_with_an_e_mail_that_exists_fails_and_says_why()
    {
        await using var app = await TestApp.StartAsync();
        await CommandLine.RunAsync(app.Services, ["create-admin", "root@registry.example", "Zhao Lei"], new StringWriter());
        var output = new StringWriter();

        var code = await CommandLine.RunAsync(app.Services, ["create-admin", "ROOT@registry.example", "Someone Else"], output);

        Assert.Equal(1, code);
        Assert.Contains("could not create the account", output.ToString());
    }

    [Fact]
    public async Task An_unknown_command_prints_the_usage()
    {
        await using var app = await TestApp.StartAsync();
        var output = new StringWriter();

        Assert.Equal(2, await CommandLine.RunAsync(app.Services, ["frobnicate"], output));
        Assert.Contains("audit verify", output.ToString());
    }
}
