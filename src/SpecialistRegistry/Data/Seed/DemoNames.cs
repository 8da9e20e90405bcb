namespace SpecialistRegistry.Data.Seed;

/// <summary>Common Chinese surnames and given names with their Hanyu Pinyin, for realistic demo people.</summary>
internal static class DemoNames
{
    public static readonly (string Han, string Latin)[] Surnames =
    [
        ("王", "Wang"), ("李", "Li"), ("张", "Zhang"), ("刘", "Liu"), ("陈", "Chen"), ("杨", "Yang"), ("黄", "Huang"),
        ("赵", "Zhao"), ("吴", "Wu"), ("周", "Zhou"), ("徐", "Xu"), ("孙", "Sun"), ("马", "Ma"), ("朱", "Zhu"),
        ("胡", "Hu"), ("郭", "Guo"), ("何", "He"), ("高", "Gao"), ("林", "Lin"), ("罗", "Luo"), ("郑", "Zheng"),
        ("梁", "Liang"), ("谢", "Xie"), ("宋", "Song"), ("唐", "Tang"), ("许", "Xu"), ("韩", "Han"), ("冯", "Feng"),
        ("邓", "Deng"), ("曹", "Cao"), ("彭", "Peng"), ("曾", "Zeng"), ("萧", "Xiao"), ("田", "Tian"), ("董", "Dong"),
    ];

    public static readonly (string Han, string Latin)[] GivenNames =
    [
        ("伟", "Wei"), ("芳", "Fang"), ("娜", "Na"), ("敏", "Min"), ("静", "Jing"), ("磊", "Lei"), ("强", "Qiang"),
        ("军", "Jun"), ("洋", "Yang"), ("勇", "Yong"), ("艳", "Yan"), ("杰", "Jie"), ("涛", "Tao"), ("明", "Ming"),
        ("超", "Chao"), ("秀英", "Xiuying"), ("建华", "Jianhua"), ("志强", "Zhiqiang"), ("海燕", "Haiyan"),
        ("晓东", "Xiaodong"), ("丽娟", "Lijuan"), ("国庆", "Guoqing"), ("文博", "Wenbo"), ("子涵", "Zihan"),
        ("宇航", "Yuhang"), ("欣怡", "Xinyi"), ("浩然", "Haoran"), ("思远", "Siyuan"), ("雨萱", "Yuxuan"),
        ("俊杰", "Junjie"), ("佳琪", "Jiaqi"), ("鹏飞", "Pengfei"), ("红梅", "Hongmei"), ("立新", "Lixin"),
    ];

    public static readonly string[] Institutions =
    [
        "Central South University", "University of Science and Technology Beijing", "Northeastern University",
        "Baotou Research Institute of Rare Earths", "Jiangxi University of Science and Technology",
        "Inner Mongolia University of Science and Technology", "Tsinghua University", "Peking University",
        "Zhejiang University", "Shanghai University", "Chinese Academy of Sciences, Institute of Physics",
        "General Research Institute for Nonferrous Metals", "Harbin Institute of Technology",
    ];

    public static readonly string[] ForeignInstitutions =
    [
        "Tohoku University", "RWTH Aachen University", "Iowa State University", "University of Birmingham",
    ];

    public static readonly string[] Fields =
    [
        "Metallurgical Engineering", "Materials Science", "Physical Chemistry", "Chemical Engineering",
        "Mineral Processing", "Condensed Matter Physics", "Analytical Chemistry", "Mechanical Engineering",
    ];

    public static readonly string[] Positions =
    [
        "Process Engineer", "Senior Process Engineer", "Chief Metallurgist", "Laboratory Head", "Research Scientist",
        "Production Manager", "Quality Engineer", "Equipment Engineer", "Technical Director", "Analyst",
    ];

    public static readonly string[] Departments =
    [
        "Separation Plant", "Smelting", "Magnet Production", "Research & Development", "Quality Control",
        "Analytical Laboratory", "Equipment & Maintenance", "Technology Office",
    ];

    public static readonly string[] ResearchTitles =
    [
        "Counter-current extraction of Pr/Nd with P507", "Low-dysprosium NdFeB by grain-boundary diffusion",
        "Ion-exchange recovery of heavy rare earths from leach liquor", "Molten-salt electrolysis of neodymium metal",
        "Determination of trace impurities in high-purity oxides by ICP-MS", "Hot-deformed Sm2Co17 magnets",
        "Continuous sintering furnace control", "Ammonium-free precipitation of mixed carbonates",
        "Recycling of NdFeB swarf by hydrogen decrepitation", "Saponification-free solvent extraction",
    ];

    public static readonly string[] Destinations = ["Japan", "Germany", "United States", "Australia", "Malaysia", "Vietnam"];
}
