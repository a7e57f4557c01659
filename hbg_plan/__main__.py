from hbg_plan.cli.root import main

main()
