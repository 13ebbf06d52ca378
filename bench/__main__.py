from bench import assets, render, ttft

assets.main()
print()
ttft.main()
print()
render.main()
