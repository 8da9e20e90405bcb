using SpecialistRegistry.Features.Filings;
using SpecialistRegistry.Files;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Features.Filings;

/// <summary>Firm HR of firm B asking for firm A's filing by its id, through every read and every act: "not found", nothing else.</summary>
public sealed class FilingIdorTests
{
    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Another_firm_s_filing_is_not_found_by_any_query_or_operation(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var a = await FilingTestKit.CreateAsync(app, firmName: "Alpha");
        var b = await FilingTestKit.OtherFirmAsync(a, firmName: "Beta");
        var submitted = await a.SubmitAsync();
        var entry = (await a.EntriesAsync(submitted))[0];
        await a.ReturnAsync(submitted);
        var draft = await a.PrepareAsync();
        var version = await a.VersionOfAsync(draft.FilingId);

        Assert.Null(await b.QueryAsync(q => q.HeaderAsync(submitted)));
        Assert.Null(await b.QueryAsync(q => q.HeaderAsync(draft.FilingId)));
        Assert.Equal(0, (await b.QueryAsync(q => q.EntriesAsync(submitted, new EntryQuery()))).Total);
        Assert.Null(await b.QueryAsync(q => q.EntryAsync(submitted, entry.Id)));
        Assert.Empty(await b.QueryAsync(q => q.RemarksAsync(submitted)));
        Assert.Empty(await b.QueryAsync(q => q.RemarkedEntriesAsync(submitted)));
        Assert.Null(await b.QueryAsync(q => q.ReceiptAsync(submitted)));
        Assert.Null(await b.AsHrAsync(s => s.OpenDraftAsync(draft.FilingId)));
        Assert.IsType<FilingOutcome.NotFound>(await b.AsHrAsync(s => s.SubmitAsync(draft.FilingId, version, true)));
        Assert.IsType<FilingOutcome.NotFound>(await b.AsHrAsync(s => s.DiscardAsync(draft.FilingId, version)));
        await using (var scope = app.Scope(b.Hr))
        {
            var export = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<FilingExportService>(scope.ServiceProvider);
            Assert.Null(await export.RecordExportAsync(submitted, TableFormat.Csv));
        }

        // And their own firm's work is untouched by all of that.
        Assert.Equal(SpecialistRegistry.Domain.FilingStatus.Draft, (await a.FilingAsync(draft.FilingId)).Status);
        Assert.NotNull(await a.QueryAsync(q => q.HeaderAsync(submitted)));
    }
}
