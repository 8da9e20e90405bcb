using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
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
        usage: dotnet run --project src/SpecialistRegistry -- COMMAND [--Registry:SETTING=VALUE ...]
          audit verify                     walk the audit hash chain, check every entry's seal and the signed checkpoints;
                                           print the head; exit 1 and name what does not match
          audit verify --deep              also compare every stored row with what the trail last recorded for it
          audit checkpoint                 sign the chain's head now (the app does it every Registry:Audit:CheckpointMinutes)
          create-admin EMAIL "FULL NAME"   create an Admin account with a temporary password (printed once)
          migrate                          bring the database up to date (migrations, roles, field key check) and exit;
                                           a deploy step before the nodes start (they also do it, one at a time)
        Settings are the app's own (appsettings, environment, --Registry:DataFolder=...), before or after the command.
        """;

    // Flags that belong to a command, not to the configuration.
    private static readonly HashSet<string> CommandFlags = ["--deep"];

    /// <summary>
    /// Separates a command's words (and its flags) from configuration arguments in the form the app takes them
    /// (<c>--Key=value</c>, <c>--Key value</c>, <c>/Key value</c>), which may come before or after the command.
    /// </summary>
    public static (string[] Command, string[] Configuration) Split(string[] args)
    {
        List<string> command = [], configuration = [];
        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i];
            if (CommandFlags.Contains(a))
                command.Add(a);
            else if (a.StartsWith('-') || a.StartsWith('/'))
            {
                configuration.Add(a);
                if (!a.Contains('=') && i + 1 < args.Length)
                    configuration.Add(args[++i]);
            }
            else
                command.Add(a);
        }
        return ([.. command], [.. configuration]);
    }

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        var (command, _) = Split(args);
        if (command is ["audit", ..] && DatabaseMissing(services) is { } missing)
        {
            // Checked before anything opens the database or the key: either would create an empty one.
            await output.WriteLineAsync(missing);
            return 2;
        }
        await using var scope = services.CreateAsyncScope();
        switch (command)
        {
            case ["audit", "verify"]:
                return await VerifyAuditAsync(scope.ServiceProvider, output, deep: false);
            case ["audit", "verify", "--deep"]:
                return await VerifyAuditAsync(scope.ServiceProvider, output, deep: true);
            case ["audit", "checkpoint"]:
                var checkpoint = await scope.ServiceProvider.GetRequiredService<AuditCheckpoints>().WriteAsync();
                await output.WriteLineAsync(checkpoint is null ? "the audit chain is empty; nothing to sign"
                    : $"checkpoint: entry {checkpoint.Sequence}, hash {checkpoint.Hash}, signed {checkpoint.At:yyyy-MM-dd HH:mm:ss} UTC");
                return 0;
            case ["migrate"]:
                await services.PrepareDatabaseAsync();
                await output.WriteLineAsync("the database is up to date");
                return 0;
            case ["create-admin", var email, var name]:
                // The first Admin of a new deployment has nobody to create it; this brings the database up to date first.
                await services.PrepareDatabaseAsync();
                return await CreateAdminAsync(scope.ServiceProvider, email, name, output);
            default:
                await output.WriteLineAsync(Usage);
                return 2;
        }
    }

    /// <summary>Why the audit commands cannot run here (no SQLite file, no field key), or null.</summary>
    private static string? DatabaseMissing(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<RegistryOptions>>().Value;
        var root = services.GetRequiredService<IHostEnvironment>().ContentRootPath;
        if (options.Provider == DatabaseProvider.Sqlite && !File.Exists(options.SqliteDatabasePath(root)))
            return $"There is no registry database at {options.SqliteDatabasePath(root)}. Pass the app's settings (for example --Registry:DataFolder=/srv/registry/data) to verify another folder.";
        if (!File.Exists(options.KeyFilePath(root)))
            return $"There is no field key at {options.KeyFilePath(root)}: the audit seals and checkpoints cannot be checked without the key the app signed them with.";
        return null;
    }

    private static async Task<int> VerifyAuditAsync(IServiceProvider services, TextWriter output, bool deep)
    {
        var result = await services.GetRequiredService<AuditVerifier>().VerifyAsync();
        await output.WriteLineAsync(result.FirstBreak is { } broken
            ? $"audit chain BROKEN at entry {broken.Sequence}: {broken.Reason}"
            : $"audit chain OK: {result.Entries} entries");
        await output.WriteLineAsync($"head: entry {result.Head.Sequence}, hash {result.Head.Hash}");
        foreach (var problem in result.CheckpointProblems)
            await output.WriteLineAsync("checkpoint MISMATCH: " + problem);
        if (result.LastCheckpoint is { } last)
        {
            await output.WriteLineAsync($"latest matching checkpoint: entry {last.Sequence}, signed {last.At:yyyy-MM-dd HH:mm:ss} UTC");
            if (result.Unvouched > 0)
                await output.WriteLineAsync($"{result.Unvouched} newer entries are linked correctly but not yet vouched for by a checkpoint.");
        }
        else if (result.Head.Sequence > 0)
        {
            await output.WriteLineAsync("no checkpoint vouches for the chain yet: run `audit checkpoint`, or let the app sign it.");
        }
        if (!deep)
            return result.IsIntact ? 0 : 1;

        var (differences, total, rows) = await services.GetRequiredService<LiveRowCheck>().RunAsync();
        await output.WriteLineAsync(total == 0
            ? $"stored rows OK: {rows} rows match what the trail last recorded"
            : $"stored rows DIFFER: {total} of {rows} rows do not match what the trail last recorded");
        foreach (var d in differences)
            await output.WriteLineAsync($"row MISMATCH: {d.EntityType} {d.EntityKey}: {d.Problem}");
        if (total > differences.Count)
            await output.WriteLineAsync($"... and {total - differences.Count} more.");
        return result.IsIntact && total == 0 ? 0 : 1;
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
