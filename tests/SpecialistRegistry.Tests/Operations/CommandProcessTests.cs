using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Operations;

/// <summary>
/// The published app's commands run as an operator runs them: a process of their own in Production, settings
/// given on the command line before or after the command's words.
/// </summary>
public sealed class CommandProcessTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("registry-cmd-").FullName;

    [Fact]
    public async Task Migrate_then_create_admin_with_settings_after_the_command_use_that_folder_and_exit()
    {
        var data = Path.Combine(_folder, "data");

        var migrated = await RunAsync("migrate", $"--Registry:DataFolder={data}");
        var created = await RunAsync("create-admin", "first.admin@regulator.test", "First Admin", $"--Registry:DataFolder={data}");
        var verified = await RunAsync("audit", "verify", $"--Registry:DataFolder={data}");

        Assert.Equal(0, migrated.Code);
        Assert.Contains("the database is up to date", migrated.Output);
        Assert.Contains("Created a new field key", migrated.Output);
        Assert.Equal(0, created.Code);
        Assert.Contains("Admin first.admin@regulator.test created. Temporary password", created.Output);
        Assert.True(File.Exists(Path.Combine(data, "registry.db")));
        Assert.True(File.Exists(Path.Combine(data, "keys", "field-protection.key")));
        Assert.Equal(0, verified.Code);
        Assert.Contains("audit chain OK", verified.Output);
    }

    [Fact]
    public async Task Create_admin_with_settings_before_the_command_runs_the_command_not_a_web_server()
    {
        var data = Path.Combine(_folder, "before");

        var created = await RunAsync($"--Registry:DataFolder={data}", "create-admin", "before@regulator.test", "Before Admin");

        Assert.Equal(0, created.Code);
        Assert.Contains("Admin before@regulator.test created.", created.Output);
        Assert.True(File.Exists(Path.Combine(data, "registry.db")));
    }

    [Fact]
    public async Task Audit_verify_of_a_wrong_folder_refuses_and_creates_no_database()
    {
        var wrong = Path.Combine(_folder, "no-registry-here");

        var verified = await RunAsync("audit", "verify", $"--Registry:DataFolder={wrong}");

        Assert.Equal(2, verified.Code);
        Assert.Contains($"There is no registry database at {Path.Combine(wrong, "registry.db")}", verified.Output);
        Assert.False(File.Exists(Path.Combine(wrong, "registry.db")));
        Assert.False(File.Exists(Path.Combine(wrong, "keys", "field-protection.key")));
    }

    private Task<(int Code, string Output)> RunAsync(params string[] args) =>
        AppCommand.RunAsync(Path.Combine(AppContext.BaseDirectory, "SpecialistRegistry.dll"), _folder, args);

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
