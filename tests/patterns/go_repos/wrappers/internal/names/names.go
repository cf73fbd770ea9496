package names

const Secret = "SHOP_SECRET"
