using MudBlazor;

namespace SpecialistRegistry.Components.Layout;

public static class RegistryTheme
{
    // Dark enough blues and greys that text on them passes WCAG AA contrast.
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f4e79",
            Secondary = "#5c3d8f",
            AppbarBackground = "#1f4e79",
            Success = "#1b6e34",
            Warning = "#8a5300",
            Error = "#b00020",
            Info = "#0b5a8a",
            TextSecondary = "#4a4a4a",
            DrawerText = "#1f1f1f",
            DrawerIcon = "#1f4e79",
        },
    };
}
