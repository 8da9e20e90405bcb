namespace SpecialistRegistry.Data;

/// <summary>
/// The data folder holds personal data and keys: on Linux and macOS its folders are created 0700 and its files
/// 0600 (the app's user only), from the first byte rather than tightened afterwards, and existing ones are
/// tightened at start-up (docs/operations.md).
/// </summary>
public static class DataFiles
{
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates the folder (and its missing parents) 0700, or tightens it to 0700 when it exists.</summary>
    public static void CreatePrivateFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }
        Directory.CreateDirectory(path, FolderMode);
        File.SetUnixFileMode(path, FolderMode);
    }

    /// <summary>Writes a new file that only the app's user can read, created 0600 (never briefly wider).</summary>
    public static void WritePrivateFile(string path, string text)
    {
        using var stream = new FileStream(path, PrivateOptions(System.IO.FileMode.CreateNew, FileAccess.Write));
        using var writer = new StreamWriter(stream);
        writer.Write(text);
    }

    /// <summary>Options to open a file for appending, creating it 0600 if it does not exist.</summary>
    public static FileStreamOptions PrivateOptions(System.IO.FileMode mode, FileAccess access)
    {
        var options = new FileStreamOptions { Mode = mode, Access = access, Share = FileShare.Read };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = FileMode;
        return options;
    }

    /// <summary>Tightens existing files to 0600; missing ones are skipped.</summary>
    public static void Restrict(params string[] paths)
    {
        if (OperatingSystem.IsWindows())
            return;
        foreach (var path in paths.Where(File.Exists))
            File.SetUnixFileMode(path, FileMode);
    }

    /// <summary>
    /// Creates an empty SQLite file 0600 before SQLite does (it would use the umask, usually 0644). SQLite gives
    /// the -wal and -shm files the database file's own mode, so they follow.
    /// </summary>
    public static void PrepareSqliteFile(string databasePath)
    {
        CreatePrivateFolder(Path.GetDirectoryName(databasePath)!);
        if (!File.Exists(databasePath))
            new FileStream(databasePath, PrivateOptions(System.IO.FileMode.CreateNew, FileAccess.Write)).Dispose();
        Restrict(databasePath, databasePath + "-wal", databasePath + "-shm");
    }
}
