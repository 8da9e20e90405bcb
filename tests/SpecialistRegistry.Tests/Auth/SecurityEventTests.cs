using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Auth;

/// <summary>Sign-in, failure and sign-out are logged with their event ids, the user id and the address, and no secret.</summary>
[Collection(WebCollection.Name)]
public sealed class SecurityEventTests(RegistryWebFactory factory)
{
    private const string Password = "Logged-Events-Check-2026";

    [Fact]
    public async Task Sign_in_failure_success_and_sign_out_are_logged_without_the_password()
    {
        var log = new CapturingLogger();
        await using var host = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(log)));
        var email = $"events-{Guid.NewGuid():N}@test.registry";
        var user = await factory.CreateUserAsync(email, Password, Roles.FirmHR);
        var client = host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        await RegistryWebFactory.SignInAsync(client, email, "Wrong-Password-Typed-2026");
        await RegistryWebFactory.SignInAsync(client, email, Password);
        var manage = await client.GetStringAsync("/Account/Manage");
        await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = RegistryWebFactory.TokenFrom(manage),
            ["returnUrl"] = "/",
        }));

        var security = log.Entries.Where(e => e.Category == SecurityEvents.Category).ToList();
        Assert.Contains(security, e => e.EventId == 4002 && e.Message.Contains(user.Id));
        Assert.Contains(security, e => e.EventId == 4001 && e.Message.Contains(user.Id));
        Assert.Contains(security, e => e.EventId == 4005 && e.Message.Contains(user.Id));
        Assert.DoesNotContain(log.Entries, e => e.Message.Contains(Password) || e.Message.Contains("Wrong-Password-Typed-2026"));
    }

    private sealed record Entry(string Category, int EventId, string Message);

    private sealed class CapturingLogger : ILoggerProvider
    {
        public ConcurrentQueue<Entry> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Entries);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<Entry> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Enqueue(new Entry(category, eventId.Id, formatter(state, exception)));
        }
    }
}
