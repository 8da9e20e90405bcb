using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using SpecialistRegistry.Components.Shared;
using SpecialistRegistry.Data;
using SpecialistRegistry.Localization;

namespace SpecialistRegistry.Tests.Components.Shared;

/// <summary>A failed action shows a message where the user is and can be recovered from; the session goes on.</summary>
public sealed class PageErrorBoundaryTests : IAsyncDisposable
{
    private readonly BunitContext _ctx = new();

    public PageErrorBoundaryTests()
    {
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddMudServices();
        _ctx.Services.AddLocalization();
        _ctx.SetRendererInfo(new RendererInfo("Server", true));
    }

    [Fact]
    public void A_busy_refusal_says_nothing_was_saved_and_the_page_comes_back()
    {
        using var _ = CultureScope.Use("en");
        var page = _ctx.Render<PageErrorBoundary>(p => p.AddChildContent<Thrower>(t => t.Add(x => x.Failure, new RegistryBusyException(new TimeoutException()))));

        page.Find("[data-testid=throw]").Click();

        Assert.Contains("Nothing was saved; try again", page.Find("[data-testid=page-error]").TextContent);
        page.Find("[data-testid=page-error-retry]").Click();
        Assert.NotNull(page.Find("[data-testid=throw]"));
    }

    [Fact]
    public void Any_other_failure_is_an_apology_with_a_reference_in_the_readers_language()
    {
        using var _ = CultureScope.Use("zh-CN");
        var page = _ctx.Render<PageErrorBoundary>(p => p.AddChildContent<Thrower>(t => t.Add(x => x.Failure, new InvalidOperationException("internal detail"))));

        page.Find("[data-testid=throw]").Click();

        var text = page.Find("[data-testid=page-error]").TextContent;
        Assert.Contains("参考号", text);
        Assert.DoesNotContain("internal detail", text);
    }

    public async ValueTask DisposeAsync() => await _ctx.DisposeAsync();

    private sealed class Thrower : ComponentBase
    {
        [Parameter] public Exception Failure { get; set; } = default!;

        protected override void BuildRenderTree(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "button");
            builder.AddAttribute(1, "data-testid", "throw");
            builder.AddAttribute(2, "onclick", EventCallback.Factory.Create(this, () => throw Failure));
            builder.CloseElement();
        }
    }
}
