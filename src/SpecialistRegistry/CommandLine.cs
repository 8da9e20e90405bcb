using Microsoft.AspNetCore.Identity;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Admin;
using SpecialistRegistry.Features.Audit;

namespace SpecialistRegistry;

/// <summary>Maintenance commands run with `dotnet run --project src/SpecialistRegistry -- COMMAND`.</summary>
public static class CommandLine
{
    private const string Usage = """
        usage: dotnet run --project src/SpecialistRegistry -- COMMAND
          audit verify                     walk the audit hash chain; exit 1 and name the first bad entry if broken
          create-admin EMAIL "FULL NAME"   create an Admin account with a temporary password (printed once)
        """;

    public static bool IsCommand(string[] args) => args.Length > 0 && !args[0].StartsWith('-') && !args[0].Contains('=');

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        await using var scope = services.CreateAsyncScope();
        switch (args)
        {
            case ["audit", "verify"]:
                return await VerifyAuditAsync(scope.ServiceProvider, output);
            case ["create-admin", var email, var name]:
                // The first Admin of a new deployment has nobody to create it; this brings the database up to date first.
                await services.PrepareDatabaseAsync();
                return await CreateAdminAsync(scope.ServiceProvider, email, name, output);
            default:
                await output.WriteLineAsync(Usage);
                return 2;
        }
    }

    private static async Task<int> VerifyAuditAsync(IServiceProvider services, TextWriter output)
    {
        var result = await services.GetRequiredService<AuditVerifier>().VerifyAsync();
        if (result.FirstBreak is { } broken)
        {
            await output.WriteLineAsync($"audit chain BROKEN at entry {broken.Sequence}: {broken.Reason}");
            return 1;
        }
        await output.WriteLineAsync($"audit chain OK: {result.Entries} entries");
        return 0;
    }

    private static async Task<int> CreateAdminAsync(IServiceProvider services, string email, string name, TextWriter output)
    {
        services.GetRequiredService<RegistryDb>().Actor = new Actor("command-line", "Command line");
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        var password = TemporaryPassword.Generate();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, MustChangePassword = true };
        var created = await users.CreateAsync(user, password);
        if (created.Succeeded)
            created = await users.AddToRoleAsync(user, Roles.Admin);
        if (!created.Succeeded)
        {
            await output.WriteLineAsync("could not create the account: " + string.Join(" ", created.Errors.Select(e => e.Description)));
            return 1;
        }
        await output.WriteLineAsync($"Admin {email} created. Temporary password (shown once, must be changed at first sign-in): {password}");
        return 0;
    }
}
