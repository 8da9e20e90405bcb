using Microsoft.Extensions.DependencyInjection;
using SpecialistRegistry.Data;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Operations;

/// <summary>The data folder's files are the app user's alone: folders 0700, files 0600 (Linux and macOS).</summary>
public sealed class DataFileModeTests
{
    private const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode File0600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public async Task The_database_its_wal_and_shm_the_key_and_the_checkpoint_log_are_0600_in_0700_folders()
    {
        if (OperatingSystem.IsWindows())
            return;
        await using var app = await TestApp.StartAsync();
        await using var scope = app.Scope();
        var auditCheckpoints = scope.ServiceProvider.GetRequiredService<AuditCheckpoints>();
        Assert.NotNull(await auditCheckpoints.WriteAsync());
        var keyFile = Path.Combine(app.DataFolder, "keys", "field-protection.key");
        var checkpoints = auditCheckpoints.FilePath;

        Assert.Equal(Folder, File.GetUnixFileMode(app.DataFolder));
        Assert.Equal(Folder, File.GetUnixFileMode(Path.GetDirectoryName(keyFile)!));
        Assert.Equal(Folder, File.GetUnixFileMode(Path.GetDirectoryName(checkpoints)!));
        Assert.True(File.Exists(app.SqliteFile + "-wal"), "the database runs in WAL mode with connections open");
        foreach (var file in new[] { app.SqliteFile, app.SqliteFile + "-wal", app.SqliteFile + "-shm", keyFile, checkpoints })
            Assert.True(File.GetUnixFileMode(file) == File0600, $"{file} is {File.GetUnixFileMode(file)}");
    }

    [Fact]
    public async Task Files_and_the_folder_left_readable_by_others_are_tightened_at_start()
    {
        if (OperatingSystem.IsWindows())
            return;
        await using var first = await TestApp.StartAsync();
        const UnixFileMode worldReadable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        File.SetUnixFileMode(first.SqliteFile, worldReadable);
        File.SetUnixFileMode(first.DataFolder, Folder | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

        await using var restarted = TestApp.NodeOf(first);
        await restarted.Services.PrepareDatabaseAsync();

        Assert.Equal(File0600, File.GetUnixFileMode(first.SqliteFile));
        Assert.Equal(Folder, File.GetUnixFileMode(first.DataFolder));
    }
}
