using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests;

/// <summary>Maintenance commands take the app's own settings, before or after their words, and never make an empty database.</summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData(new[] { "audit", "verify", "--Registry:DataFolder=/srv/data" }, new[] { "audit", "verify" }, new[] { "--Registry:DataFolder=/srv/data" })]
    [InlineData(new[] { "--Registry:DataFolder", "/srv/data", "audit", "verify", "--deep" }, new[] { "audit", "verify", "--deep" }, new[] { "--Registry:DataFolder", "/srv/data" })]
    [InlineData(new[] { "audit", "verify", "--deep", "--Registry:Provider=Postgres", "/Registry:PostgresConnection", "Host=db" }, new[] { "audit", "verify", "--deep" }, new[] { "--Registry:Provider=Postgres", "/Registry:PostgresConnection", "Host=db" })]
    [InlineData(new[] { "--urls", "http://127.0.0.1:5080" }, new string[0], new[] { "--urls", "http://127.0.0.1:5080" })]
    public void Settings_are_told_apart_from_the_commands_words(string[] args, string[] command, string[] settings)
    {
        var split = CommandLine.Split(args);

        Assert.Equal(command, split.Command);
        Assert.Equal(settings, split.Configuration);
    }

    [Theory]
    [InlineData("verify")]
    [InlineData("checkpoint")]
    public async Task Audit_commands_refuse_a_folder_with_no_database_and_create_nothing(string verb)
    {
        await using var app = await TestApp.StartAsync();
        var database = app.SqliteFile;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(app.DataFolder, "registry.db*"))
            File.Delete(file);
        var output = new StringWriter();

        var code = await CommandLine.RunAsync(app.Services, ["audit", verb], output);

        Assert.Equal(2, code);
        Assert.Contains($"There is no registry database at {database}", output.ToString());
        Assert.False(File.Exists(database));
    }
}
