namespace logonet::views {
int viewsAnchor() {
    return 0;
}
}  // namespace logonet::views
