using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Custody;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Features.Custody;

/// <summary>
/// The officer checks the passport in hand against the registry by typing its number and expiry, so before the
/// hand-in is logged the custody search and chain show neither in a form that could be copied.
/// </summary>
public sealed class MaskedBeforeHandInTests
{
    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task The_number_and_expiry_are_hidden_until_the_hand_in_is_logged(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var data = await CustodyTestData.CreateAsync(app);

        var before = Assert.Single(await data.QueryAsync(q => q.SearchAsync(CustodyTestData.Number)));
        var chainBefore = (await data.QueryAsync(q => q.PassportAsync(data.PassportId)))!;
        Assert.Equal(CustodyStatus.NotHeld, before.Status);
        Assert.Equal("••••5678", before.Number);
        Assert.Null(before.ExpiresOn);
        Assert.True(before.DetailsHidden);
        Assert.Equal("••••5678", chainBefore.Number);
        Assert.False(CustodyQueries.ShowsBeforeHandIn(chainBefore.Status));

        await data.HandInAsync();

        var after = Assert.Single(await data.QueryAsync(q => q.SearchAsync(CustodyTestData.Number)));
        var chainAfter = (await data.QueryAsync(q => q.PassportAsync(data.PassportId)))!;
        Assert.Equal(CustodyTestData.Number, after.Number);
        Assert.Equal(CustodyTestData.Expiry, after.ExpiresOn);
        Assert.Equal(CustodyTestData.Number, chainAfter.Number);
        Assert.True(CustodyQueries.ShowsBeforeHandIn(chainAfter.Status));
    }
}
