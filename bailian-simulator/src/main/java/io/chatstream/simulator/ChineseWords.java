package io.chatstream.simulator;

import io.chatstream.simulator.Phrasebook.Part;
import java.util.EnumMap;
import java.util.Map;

/** Common Chinese words for answers to prompts with Chinese characters; spaces mark where a delta may break. */
final class ChineseWords {

    private ChineseWords() {
    }

    static Map<Part, String[]> all() {
        Map<Part, String[]> words = new EnumMap<>(Part.class);
        words.put(Part.OPENER, new String[] {
            "首先，", "然后，", "通常，", "例如，", "因此，", "同时，", "实际上，", "简单来说，", "一般来说，", "最后，"});
        words.put(Part.SUBJECT, new String[] {
            "客户端", "每个 请求", "这个 服务", "模型", "流式 回答", "本地 环境", "用户", "系统", "工作 进程",
            "浏览器", "测试 用例", "这种 方式", "网关", "历史 记录"});
        words.put(Part.ADVERB, new String[] {"会", "可以", "需要", "能够", "通常 会", "总是", "逐步"});
        words.put(Part.VERB, new String[] {
            "发送", "返回", "保存", "处理", "读取", "检查", "显示", "生成", "接收", "更新", "记录", "拆分"});
        words.put(Part.OBJECT, new String[] {
            "完整的 回答", "每一个 片段", "第一个 词", "相同的 文本", "清晰的 结果", "每一步", "对话 记录",
            "配置 信息", "请求 参数", "最终 消息", "错误 信息", "会话 列表", "新的 内容"});
        words.put(Part.TAIL, new String[] {
            "并且 保持 顺序", "整个 过程 很快", "不需要 额外的 工作", "而且 结果 稳定", "对 每个 用户 都 一样",
            "在 一台 机器 上 就能 完成"});
        words.put(Part.CONJUNCTION, new String[] {"而且", "所以", "同时", "但是", "因为"});
        words.put(Part.THINKING_OPENER, new String[] {
            "好的，我 先 想 一想 这个 问题。", "嗯，让我 一步 一步 来 分析。", "首先，要 弄清楚 用户 想 问 什么。",
            "这个 问题 可以 分成 几个 部分。"});
        words.put(Part.HEADING, new String[] {
            "快速 开始", "工作 原理", "详细 说明", "操作 步骤", "要点", "常见 问题", "配置 说明", "性能 建议",
            "下一步", "方案 对比", "总结"});
        words.put(Part.KEY, new String[] {
            "流式 输出", "重试", "超时", "缓存", "日志", "安全", "测试", "扩展", "顺序", "限流", "历史", "限制"});
        words.put(Part.STEP_VERB, new String[] {"打开", "安装", "配置", "启动", "发送", "检查", "观察", "保存", "重启", "比较"});
        words.put(Part.CODE_LEAD_IN, new String[] {
            "下面 是 一个 简单的 示例：", "一个 最小的 例子 如下：", "用 代码 来 表示 就是：", "可以 用 几行 代码 试一试："});
        words.put(Part.LINK_LEAD_IN, new String[] {"更多 细节 请 参阅", "完整的 说明 见", "下一步 可以 阅读"});
        words.put(Part.LINK, new String[] {
            "流式 输出 指南|docs/streaming-guide", "接口 参考|docs/api-reference", "入门 教程|tutorials/first-steps",
            "配置 说明|docs/configuration", "故障 排查|docs/troubleshooting"});
        words.put(Part.TABLE_HEADER, new String[] {"配置项|默认值|作用", "选项|取值|说明", "名称|常见值|原因"});
        words.put(Part.SETTING, new String[] {
            "超时|30 秒", "重试 次数|3 次", "分块 大小|64 KB", "压缩|关闭", "连接池|16", "日志 级别|信息",
            "最大 令牌数|4096", "温度|0.7", "首字 延迟|500 毫秒", "长连接|开启"});
        return words;
    }
}
