using Microsoft.Extensions.Localization;
using MudBlazor;

namespace SpecialistRegistry.Localization;

/// <summary>MudBlazor's own texts (pager, date picker, data grid, dialogs) from MudText.resx / MudText.zh-CN.resx.</summary>
internal sealed class RegistryMudLocalizer(IStringLocalizer<MudText> texts) : MudLocalizer
{
    public override LocalizedString this[string key]
    {
        get
        {
            var text = texts[key];
            return new LocalizedString(key, text.Value, resourceNotFound: text.ResourceNotFound);
        }
    }
}

/// <summary>Marker for MudText.resx: MudBlazor's texts, keyed as MudBlazor's LanguageResource names them.</summary>
public sealed class MudText;
