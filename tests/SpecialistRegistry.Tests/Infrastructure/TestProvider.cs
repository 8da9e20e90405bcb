namespace SpecialistRegistry.Tests.Infrastructure;

public enum TestProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// The database engines data-layer tests run on. PostgreSQL joins when REGISTRY_TEST_POSTGRES holds a
/// connection string to a server whose user may create databases; ./test.sh always starts one and sets it.
/// </summary>
public static class TestProviders
{
    public const string PostgresVariable = "REGISTRY_TEST_POSTGRES";

    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } cs ? cs : null;

    public static TheoryData<TestProvider> All
    {
        get
        {
            var data = new TheoryData<TestProvider> { TestProvider.Sqlite };
            if (PostgresServer is not null)
                data.Add(TestProvider.Postgres);
            return data;
        }
    }
}
